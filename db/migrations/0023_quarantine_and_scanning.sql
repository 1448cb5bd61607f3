CREATE TYPE "public"."quarantine_reason" AS ENUM('blocklist', 'malware');--> statement-breakpoint
CREATE TYPE "public"."file_scan_status" AS ENUM('not_scanned', 'pending', 'clean', 'infected');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'file_quarantined';--> statement-breakpoint
CREATE TABLE "quarantine_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reason" "quarantine_reason" NOT NULL,
	"detail" varchar(200) DEFAULT '' NOT NULL,
	"file_id" uuid,
	"uploaded_by" uuid,
	"sha256" varchar(64) NOT NULL,
	"md5" varchar(32) NOT NULL,
	"size" bigint NOT NULL,
	"storage_key" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	CONSTRAINT "quarantine_incidents_storageKey_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "original_sha256" varchar(64);--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "original_md5" varchar(32);--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "scan_status" "file_scan_status" DEFAULT 'not_scanned' NOT NULL;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "quarantined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quarantine_incidents" ADD CONSTRAINT "quarantine_incidents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarantine_incidents" ADD CONSTRAINT "quarantine_incidents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarantine_incidents" ADD CONSTRAINT "quarantine_incidents_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quarantine_incidents_uploader_idx" ON "quarantine_incidents" USING btree ("uploaded_by","created_at");--> statement-breakpoint
CREATE INDEX "files_md5_idx" ON "files" USING btree ("md5");--> statement-breakpoint
CREATE INDEX "files_original_sha256_idx" ON "files" USING btree ("original_sha256") WHERE "files"."original_sha256" is not null;--> statement-breakpoint
CREATE INDEX "files_original_md5_idx" ON "files" USING btree ("original_md5") WHERE "files"."original_md5" is not null;