import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { UserResponse } from '@pm/contracts';
import { fetchMe } from '@web/features/auth/api/auth-api';
import { sessionStore } from '@web/features/auth/api/session-store';
import { queryKeys } from '@web/lib/query-keys';

/**
 * The signed-in user as the API sees them now. The stored copy from sign-in can be stale (a name change,
 * a new role), and this request also proves the stored tokens still work after a reload.
 */
export function useMe() {
  const query = useQuery<UserResponse>({ queryKey: queryKeys.me, queryFn: fetchMe });
  const { data } = query;
  useEffect(() => {
    if (data && JSON.stringify(data) !== JSON.stringify(sessionStore.get()?.user)) sessionStore.updateUser(data);
  }, [data]);
  return query;
}
