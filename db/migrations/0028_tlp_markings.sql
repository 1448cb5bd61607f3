CREATE TYPE "public"."tlp_marking" AS ENUM('clear', 'green', 'amber', 'amber_strict', 'red');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'marking_lowered';--> statement-breakpoint
CREATE TABLE "thread_marking_orgs" (
	"thread_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "thread_marking_orgs_thread_id_organisation_id_pk" PRIMARY KEY("thread_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "thread_marking_people" (
	"thread_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "thread_marking_people_thread_id_user_id_pk" PRIMARY KEY("thread_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "resource_marking_orgs" (
	"resource_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "resource_marking_orgs_resource_id_organisation_id_pk" PRIMARY KEY("resource_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "resource_marking_people" (
	"resource_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "resource_marking_people_resource_id_user_id_pk" PRIMARY KEY("resource_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "marking" "tlp_marking" DEFAULT 'green' NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "marking" "tlp_marking" DEFAULT 'green' NOT NULL;--> statement-breakpoint
ALTER TABLE "thread_marking_orgs" ADD CONSTRAINT "thread_marking_orgs_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_marking_orgs" ADD CONSTRAINT "thread_marking_orgs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_marking_people" ADD CONSTRAINT "thread_marking_people_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_marking_people" ADD CONSTRAINT "thread_marking_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_marking_orgs" ADD CONSTRAINT "resource_marking_orgs_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_marking_orgs" ADD CONSTRAINT "resource_marking_orgs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_marking_people" ADD CONSTRAINT "resource_marking_people_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_marking_people" ADD CONSTRAINT "resource_marking_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resources_public_idx" ON "resources" USING btree ("created_at","id") WHERE "resources"."deleted_at" is null and "resources"."marking" = 'clear' and "resources"."visibility" = 'all_members';