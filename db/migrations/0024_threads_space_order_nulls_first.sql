DROP INDEX "threads_space_order_idx";--> statement-breakpoint
DROP INDEX "threads_space_language_order_idx";--> statement-breakpoint
CREATE INDEX "threads_space_order_idx" ON "threads" USING btree ("space_id","is_pinned" DESC NULLS FIRST,"is_urgent" DESC NULLS FIRST,"last_post_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "threads_space_language_order_idx" ON "threads" USING btree ("space_id","language","is_pinned" DESC NULLS FIRST,"is_urgent" DESC NULLS FIRST,"last_post_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);