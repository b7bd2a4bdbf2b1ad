import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attempts left "in-flight" by an instance that died mid-call, from before a new claim closed them as
 * "interrupted" itself: any with a later attempt of the same conversion was taken over, and never gets an
 * answer. (The outcome column is a plain varchar: the new value needs no schema change.)
 */
export class InterruptedAttempts1732700000000 implements MigrationInterface {
  name = 'InterruptedAttempts1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE "delivery_attempts" SET "outcome" = 'interrupted',
         "reason" = 'No outcome was recorded: the instance making this call stopped, or lost its database, before it could store the answer. Taken over by a new claim.'
       WHERE "outcome" = 'in-flight'
         AND EXISTS (SELECT 1 FROM "delivery_attempts" "later"
                     WHERE "later"."conversion_id" = "delivery_attempts"."conversion_id" AND "later"."id" > "delivery_attempts"."id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "delivery_attempts" SET "outcome" = 'in-flight' WHERE "outcome" = 'interrupted'`);
  }
}
