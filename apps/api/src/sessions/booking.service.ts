import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { MentorshipStatus, Modality, SessionStatus, type CreateSessionResponse, type SessionAttendee } from '@pm/contracts';
import { forbidden } from '@api/auth/auth.errors';
import type { Actor } from '@api/common/access.decorators';
import { AppConfig } from '@api/config/app-config';
import { DomainEvents } from '@api/events/domain-events';
import { mentorshipEnded } from '@api/matching/matching.errors';
import type { Interval } from './availability';
import { AvailabilityService } from './availability.service';
import type { CreateSessionDto } from './dto/sessions.dto';
import { isExclusionViolation, retryOnDeadlock } from './session-conflict';
import { checkTimes } from './session-times';
import { SessionStore } from './session.store';
import { invalidGroup, locationOnlyInPerson, modalityNotShared } from './sessions.errors';
import { sameWallTimeWeeksLater } from './time-zones';

interface Participant {
  userId: string;
  role: 'mentor' | 'mentee';
  mentorshipId: string | null;
}

interface Occurrence extends Interval {
  id: string;
  meetingUrl: string | null;
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
   */
  async create(actor: Actor, dto: CreateSessionDto): Promise<CreateSessionResponse> {
    const ctx = await this.store.mentorshipOf(actor, dto.mentorshipId);
    if (ctx.status !== MentorshipStatus.Active) throw mentorshipEnded();
    // Only a way both can meet: the hard rule of the match holds for every session of the pair.
    if (!ctx.shared_modalities.includes(dto.modality)) throw modalityNotShared(dto.modality, ctx.shared_modalities);
    const start = Date.parse(dto.startsAt);
    const end = Date.parse(dto.endsAt);
    checkTimes(start, end, Date.now());
    if (dto.modality === Modality.Virtual && dto.location !== undefined) throw locationOnlyInPerson();
    const isMentor = ctx.mentor_id === actor.id;

    const mentees: SessionAttendee[] = [{ userId: ctx.mentee_id, fullName: ctx.mentee_name, mentorshipId: ctx.id, active: true, attendance: null }];
    const extra = [...new Set(dto.additionalMentorshipIds ?? [])].filter((id) => id !== ctx.id);
    if ((dto.seatLimit ?? 1) > 1 || extra.length > 0) {
      if (!isMentor) throw forbidden('Only the mentor arranges a group session');
      mentees.push(...(await this.store.groupMentees(ctx, extra)));
    }
    const seatLimit = dto.seatLimit ?? mentees.length;
    if (seatLimit < mentees.length) throw invalidGroup(`${mentees.length} mentees do not fit in ${seatLimit} seat(s)`);

    const timeZone = ctx.mentor_tz ?? ctx.program_tz;
    const count = dto.weeklyOccurrences ?? 1;
    const occurrences: Occurrence[] = Array.from({ length: count }, (_, k) => {
      const s = k === 0 ? start : sameWallTimeWeeksLater(start, k, timeZone);
      return { id: randomUUID(), start: s, end: s + (end - start), meetingUrl: dto.modality === Modality.Virtual ? this.meetingUrl() : null };
    });
    const seriesId = count > 1 ? randomUUID() : null;
    // The mentor first, then mentees in id order: concurrent bookings then meet on people in the same order.
    const participants: Participant[] = [
      { userId: ctx.mentor_id, role: 'mentor', mentorshipId: null },
      ...[...mentees].sort((a, b) => a.userId.localeCompare(b.userId)).map((m): Participant => ({ userId: m.userId, role: 'mentee', mentorshipId: m.mentorshipId })),
    ];
    const params = [
      occurrences.map((o) => o.id),
      ctx.program_id,
      ctx.id,
      ctx.mentor_id,
      dto.title ?? null,
      dto.modality,
      dto.modality === Modality.InPerson ? (dto.location ?? null) : null,
      seatLimit,
      seriesId,
      actor.id,
      occurrences.map((o) => new Date(o.start)),
      occurrences.map((o) => new Date(o.end)),
      occurrences.map((o) => o.meetingUrl),
      participants.map((p) => p.userId),
      participants.map((p) => p.role),
      participants.map((p) => p.mentorshipId),
    ];
    const guarded = !isMentor && ctx.published;
    let created: Array<{ id: string; created_at: Date }>;
    try {
      created = await retryOnDeadlock(() =>
        // One transaction with the subscribers' writes (notifications, reminders): a refused booking sends nothing.
        this.store.dataSource.transaction(async (manager) => {
          if (guarded) {
            if (ctx.buffer_minutes > 0) await this.store.lockMentor(manager, ctx.mentor_id);
            await this.availability.assertBookable(manager, ctx.mentor_id, occurrences);
          }
          const rows = await this.store.insertSessions(manager, params);
          await this.events.publish(manager, 'session.booked', { sessionIds: occurrences.map((o) => o.id), actorId: actor.id });
          return rows;
        }),
      );
    } catch (e) {
      if (isExclusionViolation(e)) throw await this.store.conflictFor(actor, participants.map((p) => p.userId), occurrences);
      throw e;
    }
    const first = occurrences[0] as Occurrence;
    const createdAt = (created[0]?.created_at ?? new Date()).toISOString();
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
      seatLimit,
      seriesId,
      sequence: 0,
      mentor: { userId: ctx.mentor_id, fullName: ctx.mentor_name },
      attendees: mentees.sort((a, b) => a.fullName.localeCompare(b.fullName) || a.userId.localeCompare(b.userId)),
      myRole: isMentor ? 'mentor' : 'mentee',
      cancelReason: null,
      cancelledAt: null,
      createdAt,
      updatedAt: createdAt,
      occurrences: occurrences.map((o) => ({ id: o.id, startsAt: new Date(o.start).toISOString(), endsAt: new Date(o.end).toISOString() })),
    };
  }

  private meetingUrl(): string {
    const base = this.config.MEETING_BASE_URL;
    // 128 random bits: a room nobody can guess or enumerate.
    return `${base}${base.endsWith('/') ? '' : '/'}pm-${randomBytes(16).toString('hex')}`;
  }
}
