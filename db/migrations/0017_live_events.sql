-- Live updates (decision 015): a new post and new notifications are announced on the channel
-- `portal_events` with ids only, in the transaction that writes them (delivered at commit, to every
-- instance listening). Each listener loads what its member may see; no title or body travels here.
CREATE OR REPLACE FUNCTION portal_events_post() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('portal_events', json_build_object('k', 'post', 'thread', NEW.thread_id, 'post', NEW.id)::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER posts_portal_events
  AFTER INSERT ON posts
  FOR EACH ROW EXECUTE FUNCTION portal_events_post();
--> statement-breakpoint
-- One NOTIFY per statement: the members concerned when they are few (a payload holds 8,000 bytes),
-- else none named, and every listener counts its member's unread notifications again.
CREATE OR REPLACE FUNCTION portal_events_notifications() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  members uuid[];
BEGIN
  SELECT array_agg(user_id) INTO members FROM (SELECT DISTINCT user_id FROM inserted WHERE in_portal LIMIT 101) AS first;
  IF members IS NULL THEN
    RETURN NULL;
  END IF;
  IF cardinality(members) > 100 THEN
    PERFORM pg_notify('portal_events', json_build_object('k', 'unread')::text);
  ELSE
    PERFORM pg_notify('portal_events', json_build_object('k', 'unread', 'users', members)::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER notifications_portal_events
  AFTER INSERT ON notifications
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION portal_events_notifications();
