import type { Metadata } from 'next';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default function LoginPage() {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-lg font-semibold">HomeIQ InfluxDB console</h1>
        <p className="mb-4 text-sm text-slate-500">Sign in with the admin or viewer password.</p>
        <LoginForm />
      </div>
    </main>
  );
}
