import type { AllocationResponse, CreateAllocationRequest, FollowOnRequest, FollowOnResponse } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

const allocationsPath = (programId: string): string => `/programs/${encodeURIComponent(programId)}/allocations`;

export const fetchAllocations = (programId: string, signal?: AbortSignal): Promise<AllocationResponse[]> => apiFetch<AllocationResponse[]>(allocationsPath(programId), { signal });

export const createAllocation = (programId: string, body: CreateAllocationRequest): Promise<AllocationResponse> =>
  apiFetch<AllocationResponse>(allocationsPath(programId), { method: 'POST', body });

export const offerFollowOn = (programId: string, allocationId: string, body: FollowOnRequest): Promise<FollowOnResponse> =>
  apiFetch<FollowOnResponse>(`${allocationsPath(programId)}/${encodeURIComponent(allocationId)}/follow-on`, { method: 'POST', body });
