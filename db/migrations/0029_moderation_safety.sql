CREATE TYPE "public"."report_target" AS ENUM('post', 'thread', 'resource', 'person', 'organisation');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'warning';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'member_suspended';--> statement-breakpoint
CREATE TABLE "moderator_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"break_reminder_minutes" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"moderator_id" uuid,
	"reason" varchar(500) NOT NULL,
	"report_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "post_reports_one_open_idx";--> statement-breakpoint
ALTER TABLE "post_reports" ALTER COLUMN "post_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "suspended_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "post_reports" ADD COLUMN "target_kind" "report_target" DEFAULT 'post' NOT NULL;--> statement-breakpoint
ALTER TABLE "post_reports" ADD COLUMN "thread_id" uuid;--> statement-breakpoint
ALTER TABLE "post_reports" ADD COLUMN "resource_id" uuid;--> statement-breakpoint
ALTER TABLE "post_reports" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "post_reports" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "moderator_settings" ADD CONSTRAINT "moderator_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_report_id_post_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."post_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "warnings_user_created_idx" ON "warnings" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
ALTER TABLE "post_reports" ADD CONSTRAINT "post_reports_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reports" ADD CONSTRAINT "post_reports_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reports" ADD CONSTRAINT "post_reports_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reports" ADD CONSTRAINT "post_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_one_open_idx" ON "post_reports" USING btree ("reporter_id","target_kind",coalesce("post_id", "thread_id", "resource_id", "person_id", "organisation_id")) WHERE "post_reports"."status" = 'open';--> statement-breakpoint
ALTER TABLE "post_reports" ADD CONSTRAINT "reports_one_target" CHECK (num_nonnulls("post_reports"."post_id", "post_reports"."thread_id", "post_reports"."resource_id", "post_reports"."person_id", "post_reports"."organisation_id") = 1
        and ("post_reports"."target_kind" <> 'post' or "post_reports"."post_id" is not null)
        and ("post_reports"."target_kind" <> 'thread' or "post_reports"."thread_id" is not null)
        and ("post_reports"."target_kind" <> 'resource' or "post_reports"."resource_id" is not null)
        and ("post_reports"."target_kind" <> 'person' or "post_reports"."person_id" is not null)
        and ("post_reports"."target_kind" <> 'organisation' or "post_reports"."organisation_id" is not null));