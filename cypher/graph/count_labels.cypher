// Node counts per datagen label, read back after a build for the manifest.
// Params: none.
RETURN COUNT { (:Category) } AS Category,
       COUNT { (:Tool) } AS Tool,
       COUNT { (:Endpoint) } AS Endpoint,
       COUNT { (:Parameter) } AS Parameter,
       COUNT { (:ResponseField) } AS ResponseField
