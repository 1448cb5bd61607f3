CREATE TYPE "public"."hash_algorithm" AS ENUM('sha256', 'md5');--> statement-breakpoint
CREATE TYPE "public"."resource_type" AS ENUM('report', 'research', 'policy_legislation', 'guidance_toolkit', 'training_material', 'case_study', 'other');--> statement-breakpoint
CREATE TYPE "public"."resource_visibility" AS ENUM('all_members', 'sectors', 'organisation', 'space');--> statement-breakpoint
CREATE TABLE "blocked_hashes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"algorithm" "hash_algorithm" NOT NULL,
	"hash" varchar(64) NOT NULL,
	"note" varchar(300) DEFAULT '' NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_downloads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resource_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"note" varchar(300) DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_versions_fileId_unique" UNIQUE("file_id")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"contributor_id" uuid NOT NULL,
	"title" varchar(300) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"description_text" text DEFAULT '' NOT NULL,
	"type" "resource_type" NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"year" integer,
	"visibility" "resource_visibility" DEFAULT 'all_members' NOT NULL,
	"sectors" "sector"[] DEFAULT '{}'::sector[] NOT NULL,
	"space_id" uuid,
	"url" varchar(2000),
	"current_file_id" uuid,
	"version_count" integer DEFAULT 0 NOT NULL,
	"download_count" integer DEFAULT 0 NOT NULL,
	"extracted_text" text DEFAULT '' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, immutable_unaccent(coalesce(title, ''))), 'A') || setweight(to_tsvector('simple'::regconfig, immutable_unaccent(coalesce(description_text, ''))), 'B') || setweight(to_tsvector('simple'::regconfig, immutable_unaccent(coalesce(extracted_text, ''))), 'C')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid
);
--> statement-breakpoint
ALTER TABLE "blocked_hashes" ADD CONSTRAINT "blocked_hashes_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_downloads" ADD CONSTRAINT "resource_downloads_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_downloads" ADD CONSTRAINT "resource_downloads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_versions" ADD CONSTRAINT "resource_versions_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_versions" ADD CONSTRAINT "resource_versions_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_versions" ADD CONSTRAINT "resource_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_contributor_id_users_id_fk" FOREIGN KEY ("contributor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_current_file_id_files_id_fk" FOREIGN KEY ("current_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "blocked_hashes_hash_idx" ON "blocked_hashes" USING btree ("algorithm","hash");--> statement-breakpoint
CREATE INDEX "blocked_hashes_created_idx" ON "blocked_hashes" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "resource_downloads_resource_idx" ON "resource_downloads" USING btree ("resource_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "resource_versions_number_idx" ON "resource_versions" USING btree ("resource_id","number");--> statement-breakpoint
CREATE INDEX "resources_newest_idx" ON "resources" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "resources"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "resources_downloads_idx" ON "resources" USING btree ("download_count" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "resources"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "resources_organisation_idx" ON "resources" USING btree ("organisation_id","created_at" DESC NULLS LAST) WHERE "resources"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "resources_topics_idx" ON "resources" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "resources_languages_idx" ON "resources" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "resources_search_idx" ON "resources" USING gin ("search");--> statement-breakpoint
CREATE INDEX "resources_type_idx" ON "resources" USING btree ("type","created_at" DESC NULLS LAST) WHERE "resources"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "resources_year_idx" ON "resources" USING btree ("year") WHERE "resources"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "resources_space_idx" ON "resources" USING btree ("space_id") WHERE "resources"."space_id" is not null;