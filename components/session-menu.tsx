import type { Role } from '@/lib/auth/session';
import { Badge } from './badge';

export function SessionMenu({ role }: { role: Role }) {
  return (
    <form action="/api/auth/logout" method="post" className="flex items-center gap-2">
      <Badge tone={role === 'admin' ? 'indigo' : 'slate'}>{role === 'admin' ? 'admin' : 'viewer · read-only'}</Badge>
      <button type="submit" className="text-xs font-medium text-slate-600 hover:text-slate-900 hover:underline">
        Sign out
      </button>
    </form>
  );
}
