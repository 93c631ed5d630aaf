import { AuditLogEntity } from '@api/audit/audit-log.entity';
import { RefreshTokenEntity } from '@api/auth/refresh-token.entity';
import { AuthRateLimitEntity } from '@api/auth/auth-rate-limit.entity';
import { EnrollmentEntity } from '@api/programs/enrollment.entity';
import { ProgramCoordinatorEntity } from '@api/programs/program-coordinator.entity';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';
import { ExclusionEntity } from '@api/matching/exclusion.entity';
import { MatchingRunEntity } from '@api/matching/matching-run.entity';
import { MentorshipEntity } from '@api/matching/mentorship.entity';
import { PreferenceEntity } from '@api/matching/preference.entity';
import { AcademicRecordEntity } from '@api/outcomes/academic-record.entity';
import { SurveyAnswerEntity, SurveyItemEntity, SurveyResponseEntity } from '@api/outcomes/survey.entities';
// sessions
import { AvailabilityOverrideEntity, AvailabilityRuleEntity, MentorScheduleEntity } from '@api/sessions/availability.entities';
import { SessionAttendeeEntity } from '@api/sessions/session-attendee.entity';
import { SessionEntity } from '@api/sessions/session.entity';
import { CalendarFeedEntity } from '@api/calendar/calendar-feed.entity';
// chat
import { ChatMessageEntity } from '@api/chat/chat-message.entity';
import { ConversationReadEntity } from '@api/chat/conversation-read.entity';
import { ConversationEntity } from '@api/chat/conversation.entity';
import { SocketIoAttachmentEntity } from '@api/chat/socket-io-attachment.entity';
// forum
import { ForumReplyEntity, ForumReportEntity, ForumThreadEntity, ForumWatchEntity } from '@api/forum/forum.entities';
// onboarding
import { InvitationEntity } from '@api/invitations/invitation.entity';
import { JoinCodeEntity } from '@api/invitations/join-code.entity';
import { OidcLoginEntity } from '@api/auth/oidc/oidc-login.entity';
import { UserIdentityEntity } from '@api/auth/oidc/user-identity.entity';
// evaluation
import { AllocationEntity, AllocationEntryEntity } from '@api/allocations/allocation.entities';
// relationship
import { AgreementTemplateEntity } from '@api/relationship/agreements/agreement-template.entity';
import { AgreementEntity } from '@api/relationship/agreements/agreement.entity';
import { CheckInEntity } from '@api/relationship/check-ins/check-in.entity';
import { PairHealthStateEntity } from '@api/relationship/pair-health/pair-health-state.entity';
import { ReferralEntity } from '@api/relationship/referrals/referral.entity';
import { SessionLogEntity } from '@api/relationship/session-logs/session-log.entity';
// notifications
import { ConversationSeenEntity, NotificationEntity, NotificationSettingEntity } from '@api/notifications/notification.entity';
import { AppSettingEntity } from './app-setting.entity';

/** Every entity, listed once: the app, the migration CLI and the tests all read this list. */
export const ENTITIES = [
  AppSettingEntity,
  AuditLogEntity,
  UserEntity,
  RefreshTokenEntity,
  AuthRateLimitEntity,
  ProgramEntity,
  ProgramCoordinatorEntity,
  EnrollmentEntity,
  MatchingRunEntity,
  MentorshipEntity,
  PreferenceEntity,
  ExclusionEntity,
  AcademicRecordEntity,
  SurveyItemEntity,
  SurveyResponseEntity,
  SurveyAnswerEntity,
  // sessions
  SessionEntity,
  SessionAttendeeEntity,
  MentorScheduleEntity,
  AvailabilityRuleEntity,
  AvailabilityOverrideEntity,
  CalendarFeedEntity,
  // chat
  ConversationEntity,
  ChatMessageEntity,
  ConversationReadEntity,
  SocketIoAttachmentEntity,
  // relationship
  AgreementEntity,
  AgreementTemplateEntity,
  SessionLogEntity,
  CheckInEntity,
  ReferralEntity,
  PairHealthStateEntity,
  // forum
  ForumThreadEntity,
  ForumReplyEntity,
  ForumReportEntity,
  ForumWatchEntity,
  // onboarding
  InvitationEntity,
  JoinCodeEntity,
  OidcLoginEntity,
  UserIdentityEntity,
  // evaluation
  AllocationEntity,
  AllocationEntryEntity,
  // notifications
  NotificationEntity,
  NotificationSettingEntity,
  ConversationSeenEntity,
];
