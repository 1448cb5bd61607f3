ALTER TABLE "spaces" ADD COLUMN "chatham_house" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "chatham_house" boolean DEFAULT false NOT NULL;