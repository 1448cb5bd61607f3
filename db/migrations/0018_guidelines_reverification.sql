CREATE TABLE "guidelines_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"language" varchar(10) DEFAULT 'en' NOT NULL,
	"markdown" text NOT NULL,
	"html" text NOT NULL,
	"change_summary" text NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reverification_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"suspended_count" integer
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "reverification_due_on" date;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "guidelines_version" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "guidelines_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "reverified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reverification_rounds" ADD CONSTRAINT "reverification_rounds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reverification_rounds_org_due_idx" ON "reverification_rounds" USING btree ("organisation_id","due_on");--> statement-breakpoint
CREATE INDEX "reverification_rounds_open_idx" ON "reverification_rounds" USING btree ("due_on","id") WHERE "reverification_rounds"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "organisations_reverification_idx" ON "organisations" USING btree ("reverification_due_on") WHERE "organisations"."status" = 'active';--> statement-breakpoint
CREATE INDEX "users_organisation_active_name_idx" ON "users" USING btree ("organisation_id","name","id") WHERE "users"."status" = 'active';--> statement-breakpoint
-- The guidelines in force when versions began (decision 019): version 1, accepted by everyone already registered.
INSERT INTO "guidelines_versions" ("version", "language", "markdown", "html", "change_summary") VALUES
  (1, 'en', 'The portal exists so that professionals can work together safely on difficult matters. Everyone who joins agrees to these rules; the Secretariat’s moderators enforce them.

1. **Protect victims and survivors.** Never share details that could identify a victim, a survivor or a case: no names, images, locations, case numbers or combinations of facts that point to a person.
2. **No sexually explicit material.** Never post or upload sexually explicit material, whatever the intent or context — not as evidence, not for training, not redacted. Report it through the proper legal channels instead.
3. **What is shared here stays here.** Nothing from the portal is shared outside it without the consent of the members involved.
4. **No soliciting.** No advertising, sales pitches or fundraising appeals.

Posts that break these rules are hidden by moderators, and repeated or serious breaches lead to suspension.

Use plain, respectful language. Say “child sexual abuse material”, not “child pornography”.', '<p dir="auto">The portal exists so that professionals can work together safely on difficult matters. Everyone who joins agrees to these rules; the Secretariat’s moderators enforce them.</p>
<ol>
<li dir="auto"><strong>Protect victims and survivors.</strong> Never share details that could identify a victim, a survivor or a case: no names, images, locations, case numbers or combinations of facts that point to a person.</li>
<li dir="auto"><strong>No sexually explicit material.</strong> Never post or upload sexually explicit material, whatever the intent or context — not as evidence, not for training, not redacted. Report it through the proper legal channels instead.</li>
<li dir="auto"><strong>What is shared here stays here.</strong> Nothing from the portal is shared outside it without the consent of the members involved.</li>
<li dir="auto"><strong>No soliciting.</strong> No advertising, sales pitches or fundraising appeals.</li>
</ol>
<p dir="auto">Posts that break these rules are hidden by moderators, and repeated or serious breaches lead to suspension.</p>
<p dir="auto">Use plain, respectful language. Say “child sexual abuse material”, not “child pornography”.</p>', 'The community guidelines as every member accepted them at registration.')
ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "users" SET "guidelines_version" = 1, "guidelines_accepted_at" = "created_at";
