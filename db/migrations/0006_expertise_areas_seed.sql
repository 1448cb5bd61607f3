-- The starting list of areas of expertise (admins extend it from the console).
INSERT INTO "expertise_areas" ("slug", "label", "position") VALUES
  ('law-enforcement', 'Law enforcement and investigation', 10),
  ('policy-legislation', 'Policy and legislation', 20),
  ('victim-support', 'Victim and survivor support', 30),
  ('prevention-education', 'Prevention and education', 40),
  ('detection-technology', 'Detection technology', 50),
  ('trust-safety', 'Trust and safety operations', 60),
  ('research-data', 'Research and data', 70),
  ('child-participation', 'Child participation', 80),
  ('financial-sector', 'Financial sector', 90),
  ('hotlines-reporting', 'Hotlines and reporting', 100)
ON CONFLICT DO NOTHING;
