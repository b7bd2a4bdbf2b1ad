import { SetMetadata } from '@nestjs/common';

export const ADMIN_PUBLIC = 'goalpost:admin-public';

/** An /api/admin route that works without a session (first-run setup, sign-in, session state). */
export const AdminPublic = () => SetMetadata(ADMIN_PUBLIC, true);
