import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { MentorshipStatus, Modality, SessionStatus, type CreateSessionResponse, type SessionAttendee } from '@pm/contracts';
import { forbidden } from '@api/auth/auth.errors';
import type { Actor } from '@api/common/access.decorators';
import { AppConfig } from '@api/config/app-config';
import { DomainEvents, type DomainEventMap } from '@api/events/domain-events';
import { mentorshipEnded, mentorshipNotFound } from '@api/matching/matching.errors';
import { isUuid } from '@api/common/uuid';
import type { Interval } from './availability';
import { AvailabilityService } from './availability.service';
import type { CreateSessionDto } from './dto/sessions.dto';
import type { BookingValues } from './insert-sessions.sql';
import { isExclusionViolation, retryOnDeadlock } from './session-conflict';
import { checkTimes, timesProblem } from './session-times';
import { SessionStore, type BookingRow, type MentorshipContext } from './session.store';
import { invalidGroup, locationOnlyInPerson, modalityNotShared } from './sessions.errors';
import { sameWallTimeWeeksLater } from './time-zones';

interface Occurrence extends Interval {
  id: string;
  meetingUrl: string | null;
}

/** One booking request, worked out before the database is asked anything. */
interface Request {
  actor: Actor;
  dto: CreateSessionDto;
  start: number;
  end: number;
  /** One clock reading for the whole request, so the time checks cannot disagree with each other. */
  now: number;
  first: Occurrence;
  /** One session of one pair with valid times and room: the statement may insert it at once. */
  simple: boolean;
  /** Who was being booked when the last statement ran; unknown (null) for a one-statement booking. */
  people: string[] | null;
  occurrences: Occurrence[];
}

/** What the booking statement is asked to insert besides the mentorship's own pair. */
interface Plan {
  occurrences: Occurrence[];
  extra: SessionAttendee[];
  seatLimit: number;
  seriesId: string | null;
  availabilityChecked: boolean;
}

/** Booking a session or a weekly series (one-to-one or group). */
@Injectable()
export class BookingService {
  constructor(
    private readonly store: SessionStore,
    private readonly availability: AvailabilityService,
    private readonly config: AppConfig,
    private readonly events: DomainEvents,
  ) {}

  /**
   * The mentorship's mentor or mentee books a session (or a weekly series). A mentee must stay inside the
   * mentor's published availability; the mentor may book any time. Overlaps are refused by the database.
   *
   * The common booking (one session of one pair, by the mentor or by a mentee of a mentor without published
   * hours) is one statement that checks access and the rules and inserts. Anything else first reads the context
   * with that statement (inserting nothing), then books with it once the series' times, the group or the
   * availability are known. Either way the rules are checked in the same order, so the errors are the same.
   */
  async create(actor: Actor, dto: CreateSessionDto): Promise<CreateSessionResponse> {
    if (!isUuid(dto.mentorshipId)) throw mentorshipNotFound();
    const start = Date.parse(dto.startsAt);
    const end = Date.parse(dto.endsAt);
    const now = Date.now();
    const first: Occurrence = { id: randomUUID(), start, end, meetingUrl: dto.modality === Modality.Virtual ? this.meetingUrl() : null };
    const simple =
      (dto.weeklyOccurrences ?? 1) === 1 &&
      (dto.seatLimit ?? 1) === 1 &&
      (dto.additionalMentorshipIds ?? []).length === 0 &&
      Number.isFinite(start) &&
      Number.isFinite(end) &&
      timesProblem(start, end, now) === null &&
      !(dto.modality === Modality.Virtual && dto.location !== undefined);
    const req: Request = { actor, dto, start, end, now, first, simple, people: null, occurrences: [] };
    try {
      return await retryOnDeadlock(() => this.attempt(req));
    } catch (e) {
      if (!isExclusionViolation(e)) throw e;
      // A refused overlap of a one-statement booking: its people are only known to the database.
      throw await this.store.conflictFor(actor, req.people ?? (await this.pairOf(req)), req.occurrences);
    }
  }

  /** The booking statement with nothing to insert answers the mentorship's context only. */
  private async pairOf(req: Request): Promise<string[]> {
    const row = await this.store.book(this.store.dataSource, this.values(req, { occurrences: [], extra: [], seatLimit: 1, seriesId: null, availabilityChecked: false }));
    if (!row) throw mentorshipNotFound();
    return [row.mentor_id, row.mentee_id];
  }

  private async attempt(req: Request): Promise<CreateSessionResponse> {
    req.people = null;
    req.occurrences = req.simple ? [req.first] : [];
    const opening: Plan = { occurrences: req.occurrences, extra: [], seatLimit: 1, seriesId: null, availabilityChecked: false };
    // Subscribers (notifications, reminders) write in the booking's transaction; without any, the statement
    // is atomic by itself and needs no transaction around it.
    if (!this.events.hasSubscribers('session.booked')) {
      const row = await this.store.book(this.store.dataSource, this.values(req, opening));
      const ctx = this.admit(req, row);
      if (ctx.created > 0) return this.response(req, ctx, opening, ctx.created_at);
      return this.store.dataSource.transaction((manager) => this.complete(manager, req, ctx));
    }
    return this.store.dataSource.transaction(async (manager) => {
      const row = await this.store.book(manager, this.values(req, opening));
      const ctx = this.admit(req, row);
      if (ctx.created === 0) return this.complete(manager, req, ctx);
      await this.events.publish(manager, 'session.booked', this.booked(req, ctx, opening));
      return this.response(req, ctx, opening, ctx.created_at);
    });
  }

  /** The rules the statement checks, told apart from its context in the order they have always been checked. */
  private admit({ dto, start, end, now }: Request, row: BookingRow | undefined): BookingRow {
    if (!row) throw mentorshipNotFound();
    if (row.status !== MentorshipStatus.Active) throw mentorshipEnded();
    // Only a way both can meet: the hard rule of the match holds for every session of the pair.
    if (!row.shared_modalities.includes(dto.modality)) throw modalityNotShared(dto.modality, row.shared_modalities);
    checkTimes(start, end, now);
    if (dto.modality === Modality.Virtual && dto.location !== undefined) throw locationOnlyInPerson();
    return row;
  }

  /** A series, a group, or a mentee's booking inside published hours: the steps that need the context first. */
  private async complete(manager: EntityManager, req: Request, ctx: MentorshipContext): Promise<CreateSessionResponse> {
    const { actor, dto, first } = req;
    const isMentor = ctx.mentor_id === actor.id;
    const extraIds = [...new Set(dto.additionalMentorshipIds ?? [])].filter((id) => id !== ctx.id);
    let extra: SessionAttendee[] = [];
    if ((dto.seatLimit ?? 1) > 1 || extraIds.length > 0) {
      if (!isMentor) throw forbidden('Only the mentor arranges a group session');
      extra = await this.store.groupMentees(ctx, extraIds);
    }
    const seatLimit = dto.seatLimit ?? extra.length + 1;
    if (seatLimit < extra.length + 1) throw invalidGroup(`${extra.length + 1} mentees do not fit in ${seatLimit} seat(s)`);

    const timeZone = ctx.mentor_tz ?? ctx.program_tz;
    const count = dto.weeklyOccurrences ?? 1;
    const occurrences: Occurrence[] = Array.from({ length: count }, (_, k) => {
      if (k === 0) return first;
      const s = sameWallTimeWeeksLater(first.start, k, timeZone);
      return { id: randomUUID(), start: s, end: s + (first.end - first.start), meetingUrl: dto.modality === Modality.Virtual ? this.meetingUrl() : null };
    });
    const plan: Plan = { occurrences, extra, seatLimit, seriesId: count > 1 ? randomUUID() : null, availabilityChecked: false };
    req.people = [ctx.mentor_id, ctx.mentee_id, ...extra.map((m) => m.userId)];
    req.occurrences = occurrences;
    if (!isMentor && ctx.published) {
      if (ctx.buffer_minutes > 0) await this.store.lockMentor(manager, ctx.mentor_id);
      await this.availability.assertBookable(manager, ctx.mentor_id, occurrences);
      plan.availabilityChecked = true;
    }
    // The statement checks the mentorship again: what was read above may have changed since.
    const booked = this.admit(req, await this.store.book(manager, this.values(req, plan)));
    if (booked.created !== occurrences.length) throw new Error(`booking inserted ${booked.created} of ${occurrences.length} sessions`);
    await this.events.publish(manager, 'session.booked', this.booked(req, booked, plan));
    return this.response(req, booked, plan, booked.created_at);
  }

  /** What was just booked, as the statement stored it (the facts subscribers used to read back). */
  private booked({ actor, dto }: Request, ctx: MentorshipContext, plan: Plan): DomainEventMap['session.booked'] {
    return {
      actorId: actor.id,
      // The statement books only for the mentorship's mentor or mentee.
      actorName: ctx.mentor_id === actor.id ? ctx.mentor_name : ctx.mentee_name,
      programId: ctx.program_id,
      people: [ctx.mentor_id, ctx.mentee_id, ...plan.extra.map((m) => m.userId)],
      modality: dto.modality,
      location: dto.modality === Modality.InPerson ? (dto.location ?? null) : null,
      sessions: plan.occurrences.map((o) => ({ id: o.id, startsAt: new Date(o.start), endsAt: new Date(o.end) })).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    };
  }

  private values({ actor, dto }: Request, plan: Plan): BookingValues {
    return {
      mentorshipId: dto.mentorshipId,
      actorId: actor.id,
      modality: dto.modality,
      title: dto.title ?? null,
      location: dto.modality === Modality.InPerson ? (dto.location ?? null) : null,
      seatLimit: plan.seatLimit,
      seriesId: plan.seriesId,
      occurrences: plan.occurrences,
      extraMentees: plan.extra.map((m) => ({ userId: m.userId, mentorshipId: m.mentorshipId })),
      availabilityChecked: plan.availabilityChecked,
    };
  }

  private response({ actor, dto, first }: Request, ctx: MentorshipContext, plan: Plan, created: Date | null): CreateSessionResponse {
    const mentees: SessionAttendee[] = [{ userId: ctx.mentee_id, fullName: ctx.mentee_name, mentorshipId: ctx.id, active: true, attendance: null }, ...plan.extra];
    const createdAt = (created ?? new Date()).toISOString();
    return {
      id: first.id,
      status: SessionStatus.Scheduled,
      mentorshipId: ctx.id,
      programId: ctx.program_id,
      title: dto.title ?? null,
      startsAt: new Date(first.start).toISOString(),
      endsAt: new Date(first.end).toISOString(),
      modality: dto.modality,
      location: dto.modality === Modality.InPerson ? (dto.location ?? null) : null,
      meetingUrl: first.meetingUrl,
      seatLimit: plan.seatLimit,
      seriesId: plan.seriesId,
      sequence: 0,
      mentor: { userId: ctx.mentor_id, fullName: ctx.mentor_name },
      attendees: mentees.sort((a, b) => a.fullName.localeCompare(b.fullName) || a.userId.localeCompare(b.userId)),
      myRole: ctx.mentor_id === actor.id ? 'mentor' : 'mentee',
      cancelReason: null,
      cancelledAt: null,
      createdAt,
      updatedAt: createdAt,
      occurrences: plan.occurrences.map((o) => ({ id: o.id, startsAt: new Date(o.start).toISOString(), endsAt: new Date(o.end).toISOString() })),
    };
  }

  private meetingUrl(): string {
    const base = this.config.MEETING_BASE_URL;
    // 128 random bits: a room nobody can guess or enumerate.
    return `${base}${base.endsWith('/') ? '' : '/'}pm-${randomBytes(16).toString('hex')}`;
  }
}
