import type { ProfileResponse, UserAccountResponse, UserResponse, UserSummary } from '@pm/contracts';
import type { UserEntity } from './user.entity';

// Responses are built field by field: a new column (say, a hash) never reaches a client by accident.
export const toUserResponse = (u: UserEntity): UserResponse => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName,
  role: u.role,
  yearOfStudy: u.yearOfStudy,
});

export const toProfileResponse = (u: UserEntity): ProfileResponse => ({
  ...toUserResponse(u),
  interests: u.interests,
  languages: u.languages,
  modalities: u.modalities,
  campus: u.campus,
});


export const toUserAccountResponse = (u: UserEntity): UserAccountResponse => ({
  ...toUserResponse(u),
  deactivatedAt: u.deactivatedAt ? u.deactivatedAt.toISOString() : null,
});

export const toUserSummary = (u: UserEntity): UserSummary => toUserAccountResponse(u);
