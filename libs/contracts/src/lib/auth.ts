import type { Modality, Role, StaffRole } from './enums';

export interface UserResponse {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  yearOfStudy: number | null;
}

export interface ProfileResponse extends UserResponse {
  interests: string[];
  languages: string[];
  modalities: Modality[];
  campus: string | null;
}

export interface RegisterRequest {
  email: string;
  password: string;
  fullName: string;
  yearOfStudy: number;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** `POST /api/me/password`: answers 200 with a fresh AuthResponse; every other sign-in of the account ends. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface AuthResponse {
  user: UserResponse;
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires, so a client can refresh ahead of time. */
  expiresIn: number;
}

export interface UpdateProfileRequest {
  yearOfStudy: number;
  interests: string[];
  languages: string[];
  modalities: Modality[];
  campus: string | null;
}

export interface CreateUserRequest {
  email: string;
  password: string;
  fullName: string;
  role: StaffRole;
}

/** A row of the people directory coordinators use to enrol students. */
export interface UserSummary {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  yearOfStudy: number | null;
  /** When an admin deactivated the account; null while active (the staff page offers deactivate/reactivate). */
  deactivatedAt: string | null;
}

/** An account as admins manage it (`POST /api/users/:id/deactivate`, `/reactivate`). */
export interface UserAccountResponse extends UserResponse {
  /** When an admin deactivated it; null while active. */
  deactivatedAt: string | null;
}
