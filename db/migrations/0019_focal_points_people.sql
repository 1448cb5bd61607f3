CREATE TYPE "public"."endorsement" AS ENUM('endorsed', 'declined');--> statement-breakpoint
CREATE TABLE "focal_point_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"nominee_id" uuid NOT NULL,
	"nominated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"confirmed" boolean
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" varchar(254) NOT NULL,
	"invited_by" uuid NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"accepted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
DROP INDEX "users_organisation_active_name_idx";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "endorsement" "endorsement";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "endorsement_by" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "endorsement_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "endorsement_reason" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "invited_by" uuid;--> statement-breakpoint
ALTER TABLE "focal_point_nominations" ADD CONSTRAINT "focal_point_nominations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focal_point_nominations" ADD CONSTRAINT "focal_point_nominations_nominee_id_users_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focal_point_nominations" ADD CONSTRAINT "focal_point_nominations_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "focal_point_nominations_open_idx" ON "focal_point_nominations" USING btree ("nominee_id") WHERE "focal_point_nominations"."decided_at" is null;--> statement-breakpoint
CREATE INDEX "focal_point_nominations_pending_idx" ON "focal_point_nominations" USING btree ("created_at","id") WHERE "focal_point_nominations"."decided_at" is null;--> statement-breakpoint
CREATE INDEX "invitations_organisation_created_idx" ON "invitations" USING btree ("organisation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "users_organisation_status_name_idx" ON "users" USING btree ("organisation_id","status","name","id");--> statement-breakpoint
CREATE INDEX "users_organisation_status_created_idx" ON "users" USING btree ("organisation_id","status","created_at","id");