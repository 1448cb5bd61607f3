ALTER TABLE "threads" ADD COLUMN "language" varchar(10) DEFAULT 'en' NOT NULL;--> statement-breakpoint
CREATE INDEX "threads_space_language_order_idx" ON "threads" USING btree ("space_id","language","is_pinned" DESC NULLS LAST,"is_urgent" DESC NULLS LAST,"last_post_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- Threads written before languages were recorded take their author's interface language.
UPDATE "threads" SET "language" = "users"."locale" FROM "users" WHERE "users"."id" = "threads"."author_id";
