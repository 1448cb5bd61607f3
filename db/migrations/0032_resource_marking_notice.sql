ALTER TYPE "public"."notification_kind" ADD VALUE 'resource_marking_lowered' BEFORE 'warning';--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "resource_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_resource_idx" ON "notifications" USING btree ("resource_id") WHERE "notifications"."resource_id" is not null;