// Relationship counts per catalog type, read back after a build for the manifest, plus how many
// endpoints have at least one outgoing / incoming / both FEEDS edges.
// Params: none.
RETURN COUNT { ()-[:IN_CATEGORY]->() } AS IN_CATEGORY,
       COUNT { ()-[:HAS_ENDPOINT]->() } AS HAS_ENDPOINT,
       COUNT { ()-[:HAS_PARAM]->() } AS HAS_PARAM,
       COUNT { ()-[:RETURNS]->() } AS RETURNS,
       COUNT { ()-[:CAN_FILL]->() } AS CAN_FILL,
       COUNT { ()-[:FEEDS]->() } AS FEEDS
