import { StaffPage } from '@/components/ui/page';
import { SignInForm } from './sign-in-form';

/** The sign-in page: at /staff/sign-in, and in place of any staff page opened without a session. */
export const SignInPage = ({ onSignedIn }: { onSignedIn: () => void }) => (
  <StaffPage title="Sign in" intro="Sign in to write standards, record results and review them.">
    <SignInForm onSignedIn={onSignedIn} />
  </StaffPage>
);
