CREATE TABLE "expertise_areas" (
	"slug" varchar(60) PRIMARY KEY NOT NULL,
	"label" varchar(80) NOT NULL,
	"position" integer DEFAULT 1000 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expertise_areas_label_unique" UNIQUE("label")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "description_html" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "logo_file_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "pronouns" varchar(40);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "bio" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "bio_html" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" varchar(40);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "expertise" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "listed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "show_email" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "show_phone" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "organisations_status_country_idx" ON "organisations" USING btree ("status","country","name","id");--> statement-breakpoint
CREATE INDEX "users_directory_name_idx" ON "users" USING btree ("name","id") WHERE "users"."status" = 'active' and "users"."listed";--> statement-breakpoint
CREATE INDEX "users_directory_joined_idx" ON "users" USING btree ("created_at","id") WHERE "users"."status" = 'active' and "users"."listed";--> statement-breakpoint
CREATE INDEX "users_expertise_idx" ON "users" USING gin ("expertise");--> statement-breakpoint
CREATE INDEX "users_languages_idx" ON "users" USING gin ("languages");