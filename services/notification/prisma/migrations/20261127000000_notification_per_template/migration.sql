-- A booking cancelled by an administrator mails both parties: two rows for one event. Each mail
-- of an event has its own template, so (eventId, template) still lets a redelivered event find
-- every row it made, and no mail goes out twice. The new index leads with "eventId", so lookups
-- by event alone keep an index.
DROP INDEX "notifications_eventId_key";
CREATE UNIQUE INDEX "notifications_eventId_template_key" ON notifications ("eventId", template);
