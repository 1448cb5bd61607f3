-- Highlighting search snippets without regard to accents: the indexes use 'simple' over
-- immutable_unaccent(); ts_headline needs a configuration that unaccents the words it reads, so that
-- "financiere" marks "financière" in the original text.
CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION simple_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
