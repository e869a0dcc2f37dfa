-- acled_event_types: one row per ACLED sub-event type with its event type and disorder type (ACLED's
-- codebook; disorder as tasks/extract/finalize.py codes it). Reviews check corrected types against it and
-- reviewed_events derives event_type and disorder_type from a corrected sub_event_type.
CREATE OR REPLACE VIEW acled_event_types AS
SELECT * FROM (VALUES
    ('Battles', 'Armed clash', 'Political violence'),
    ('Battles', 'Government regains territory', 'Political violence'),
    ('Battles', 'Non-state actor overtakes territory', 'Political violence'),
    ('Explosions/Remote violence', 'Chemical weapon', 'Political violence'),
    ('Explosions/Remote violence', 'Air/drone strike', 'Political violence'),
    ('Explosions/Remote violence', 'Suicide bomb', 'Political violence'),
    ('Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Political violence'),
    ('Explosions/Remote violence', 'Remote explosive/landmine/IED', 'Political violence'),
    ('Explosions/Remote violence', 'Grenade', 'Political violence'),
    ('Violence against civilians', 'Sexual violence', 'Political violence'),
    ('Violence against civilians', 'Attack', 'Political violence'),
    ('Violence against civilians', 'Abduction/forced disappearance', 'Political violence'),
    ('Protests', 'Peaceful protest', 'Demonstrations'),
    ('Protests', 'Protest with intervention', 'Demonstrations'),
    ('Protests', 'Excessive force against protesters', 'Political violence; Demonstrations'),
    ('Riots', 'Violent demonstration', 'Demonstrations'),
    ('Riots', 'Mob violence', 'Political violence; Demonstrations'),
    ('Strategic developments', 'Agreement', 'Strategic developments'),
    ('Strategic developments', 'Arrests', 'Strategic developments'),
    ('Strategic developments', 'Change to group/activity', 'Strategic developments'),
    ('Strategic developments', 'Disrupted weapons use', 'Strategic developments'),
    ('Strategic developments', 'Headquarters or base established', 'Strategic developments'),
    ('Strategic developments', 'Looting/property destruction', 'Strategic developments'),
    ('Strategic developments', 'Non-violent transfer of territory', 'Strategic developments'),
    ('Strategic developments', 'Other', 'Strategic developments')
) AS t(event_type, sub_event_type, disorder_type);
