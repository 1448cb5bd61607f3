DROP INDEX "blocked_hashes_created_idx";--> statement-breakpoint
DROP INDEX "resource_downloads_resource_idx";--> statement-breakpoint
DROP INDEX "resources_newest_idx";--> statement-breakpoint
DROP INDEX "resources_downloads_idx";--> statement-breakpoint
DROP INDEX "resources_organisation_idx";--> statement-breakpoint
DROP INDEX "resources_type_idx";--> statement-breakpoint
CREATE INDEX "blocked_hashes_created_idx" ON "blocked_hashes" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "resource_downloads_resource_idx" ON "resource_downloads" USING btree ("resource_id","at","id");--> statement-breakpoint
CREATE INDEX "resources_newest_idx" ON "resources" USING btree ("created_at","id") WHERE "resources"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "resources_downloads_idx" ON "resources" USING btree ("download_count","id") WHERE "resources"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "resources_organisation_idx" ON "resources" USING btree ("organisation_id","created_at","id") WHERE "resources"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "resources_type_idx" ON "resources" USING btree ("type","created_at","id") WHERE "resources"."deleted_at" is null;