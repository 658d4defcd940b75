"""Indexes for filtering events, and the event_actors table kept by triggers.

Applied by migration 3; the API's queries are written for them. Fusion's
candidate search uses ``mentions_fuse``.
"""

_EVENT_INDEXES_TEMPLATE = r"""
CREATE INDEX IF NOT EXISTS mentions_fuse ON mentions(event_type, country, date);
CREATE INDEX IF NOT EXISTS events_type_date ON events(event_type, event_date);
CREATE INDEX IF NOT EXISTS events_subtype_date ON events(sub_event_type, event_date);
CREATE INDEX IF NOT EXISTS events_country_date ON events(country, event_date);
CREATE INDEX IF NOT EXISTS events_country_admin1_date ON events(country, admin1, event_date);
CREATE INDEX IF NOT EXISTS events_admin1_date ON events(admin1, event_date);
CREATE INDEX IF NOT EXISTS events_status_sources ON events(status, n_sources, event_date);
CREATE INDEX IF NOT EXISTS events_sources_date ON events(n_sources, event_date);
CREATE INDEX IF NOT EXISTS events_fatalities_date ON events(fatalities, event_date);
CREATE INDEX IF NOT EXISTS events_lon_lat ON events(longitude, latitude);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id, event_id);
CREATE INDEX IF NOT EXISTS claims_event ON claims(event_id);
CREATE INDEX IF NOT EXISTS toponyms_geonameid ON toponyms(geonameid);

CREATE TABLE IF NOT EXISTS event_actors (
    actor TEXT NOT NULL,
    event_date TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (actor, event_date, event_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event_id);

CREATE TRIGGER IF NOT EXISTS events_actors_insert AFTER INSERT ON events BEGIN
  DELETE FROM event_actors WHERE event_id = new.event_id;
{ACTOR_ROWS}END;

CREATE TRIGGER IF NOT EXISTS events_actors_update
AFTER UPDATE OF event_id, event_date, actor1, actor2, assoc_actor_1, assoc_actor_2 ON events BEGIN
  DELETE FROM event_actors WHERE event_id = old.event_id;
{ACTOR_ROWS}END;

CREATE TRIGGER IF NOT EXISTS events_actors_delete AFTER DELETE ON events BEGIN
  DELETE FROM event_actors WHERE event_id = old.event_id;
END;

INSERT OR IGNORE INTO event_actors (actor, event_date, event_id)
  SELECT trim(value), e.event_date, e.event_id FROM events e, json_each(json_array(e.actor1, e.actor2))
    WHERE value IS NOT NULL AND trim(value) <> '';
INSERT OR IGNORE INTO event_actors (actor, event_date, event_id)
  SELECT trim(value), e.event_date, e.event_id FROM events e, json_each(
    CASE WHEN json_valid('["' || replace(replace(replace(coalesce(e.assoc_actor_1, ''), '\', '\\'), '"', '\"'), ';', '","') || '"]')
    THEN '["' || replace(replace(replace(coalesce(e.assoc_actor_1, ''), '\', '\\'), '"', '\"'), ';', '","') || '"]' ELSE '[]' END)
    WHERE trim(value) <> '';
INSERT OR IGNORE INTO event_actors (actor, event_date, event_id)
  SELECT trim(value), e.event_date, e.event_id FROM events e, json_each(
    CASE WHEN json_valid('["' || replace(replace(replace(coalesce(e.assoc_actor_2, ''), '\', '\\'), '"', '\"'), ';', '","') || '"]')
    THEN '["' || replace(replace(replace(coalesce(e.assoc_actor_2, ''), '\', '\\'), '"', '\"'), ';', '","') || '"]' ELSE '[]' END)
    WHERE trim(value) <> '';
"""

# The rows a trigger writes for the event ``new`` (its actors and associated actors),
# shared by the insert and update triggers.
_ACTOR_ROWS = r"""  INSERT OR IGNORE INTO event_actors (actor, event_date, event_id)
  SELECT trim(value), new.event_date, new.event_id FROM json_each(json_array(new.actor1, new.actor2))
    WHERE value IS NOT NULL AND trim(value) <> ''
  UNION ALL SELECT trim(value), new.event_date, new.event_id FROM json_each(
    CASE WHEN json_valid('["' || replace(replace(replace(coalesce(new.assoc_actor_1, ''), '\', '\\'), '"', '\"'), ';', '","') || '"]')
    THEN '["' || replace(replace(replace(coalesce(new.assoc_actor_1, ''), '\', '\\'), '"', '\"'), ';', '","') || '"]' ELSE '[]' END)
    WHERE trim(value) <> ''
  UNION ALL SELECT trim(value), new.event_date, new.event_id FROM json_each(
    CASE WHEN json_valid('["' || replace(replace(replace(coalesce(new.assoc_actor_2, ''), '\', '\\'), '"', '\"'), ';', '","') || '"]')
    THEN '["' || replace(replace(replace(coalesce(new.assoc_actor_2, ''), '\', '\\'), '"', '\"'), ';', '","') || '"]' ELSE '[]' END)
    WHERE trim(value) <> '';
"""

EVENT_INDEXES_SQL = _EVENT_INDEXES_TEMPLATE.replace("{ACTOR_ROWS}", _ACTOR_ROWS)
