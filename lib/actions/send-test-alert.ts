'use server';

import { adminAction } from '../auth/guard';
import { sendTestAlert as run } from '../use-cases/send-test-alert';

export const sendTestAlert = adminAction((_input: void, actor) => run(actor));
