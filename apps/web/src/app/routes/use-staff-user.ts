import { useMe } from '../../lib/auth.ts';

/** Inside the staff layout the user is known: the layout only renders its outlet once signed in. */
export function useStaffUser() {
  const me = useMe();
  return me.data!;
}
