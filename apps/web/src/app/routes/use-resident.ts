import { useMe } from '../../lib/auth.ts';

export function useResident() {
  const me = useMe();
  return { loading: me.isLoading, signedIn: me.data?.role === 'resident' };
}
