import { z } from 'zod';

/** Shapes shared by the returns context's events. */

export const returnReasonSchema = z.enum(['DEFECTIVE', 'WRONG_ITEM', 'DAMAGED_IN_TRANSIT', 'NO_LONGER_NEEDED', 'OTHER']);
export const returnStatusSchema = z.enum(['REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'REFUNDED']);
export type ReturnStatusName = z.infer<typeof returnStatusSchema>;
