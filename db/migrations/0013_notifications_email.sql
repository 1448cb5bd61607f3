CREATE TYPE "public"."space_follow_mode" AS ENUM('every_post', 'new_threads', 'daily', 'weekly', 'muted');--> statement-breakpoint
CREATE TABLE "digest_runs" (
	"user_id" uuid NOT NULL,
	"period" varchar(10) NOT NULL,
	"period_key" varchar(16) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_runs_user_id_period_period_key_pk" PRIMARY KEY("user_id","period","period_key")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"channels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"excerpts" boolean DEFAULT false NOT NULL,
	"paused_until" timestamp with time zone,
	"digests" boolean DEFAULT true NOT NULL,
	"digest_hour" integer DEFAULT 8 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "in_portal" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "space_follows" ADD COLUMN "mode" "space_follow_mode" DEFAULT 'weekly' NOT NULL;--> statement-breakpoint
ALTER TABLE "digest_runs" ADD CONSTRAINT "digest_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_email_due_idx" ON "notifications" USING btree ("email_due_at") WHERE "notifications"."emailed_at" is null and "notifications"."email_due_at" is not null;--> statement-breakpoint
CREATE INDEX "notifications_user_thread_idx" ON "notifications" USING btree ("user_id","thread_id");--> statement-breakpoint
CREATE INDEX "notifications_thread_kind_idx" ON "notifications" USING btree ("thread_id","kind");