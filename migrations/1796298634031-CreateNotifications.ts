import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1796298634031 implements MigrationInterface {
  name = 'CreateNotifications1796298634031';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_settings" ("user_id" uuid NOT NULL, "kind" text NOT NULL, "delivery" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b6ba3be5dc3b9f00444e22ad81" PRIMARY KEY ("user_id", "kind"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_kinds" ("kind" text NOT NULL, "enabled" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3c190dcb55b75cd1628d8f29c55" PRIMARY KEY ("kind"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "day" date NOT NULL, "recipient" text, "subject" text NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "items" jsonb NOT NULL DEFAULT '[]', "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_notifications_status" ON "notifications"  ("status", "created_at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_notifications_user_kind_day" ON "notifications"  ("user_id", "kind", "day") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_notifications_user_kind_day"`);
    await queryRunner.query(`DROP INDEX "public"."IX_notifications_status"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "notification_kinds"`);
    await queryRunner.query(`DROP TABLE "notification_settings"`);
  }
}
