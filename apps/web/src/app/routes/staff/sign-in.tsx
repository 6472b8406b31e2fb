import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { staffPaths } from '@/config/staff-paths';
import { useSession } from '@/features/staff-auth/api/session';
import { SignInPage } from '@/features/staff-auth/components/sign-in-page';

/** Only staff addresses: never send someone elsewhere after signing in. */
const safeNext = (next: string | null) =>
  next && next.startsWith('/staff') && !next.startsWith('//') ? next : staffPaths.root;

export const SignInRoute = () => {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const next = safeNext(params.get('next'));
  if (session.data) return <Navigate to={next} replace />;
  return <SignInPage onSignedIn={() => void navigate(next, { replace: true })} />;
};
