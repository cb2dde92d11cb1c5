// Node counts per catalog label in one catalog, read back after a build for the manifest.
// Params: $catalog.
RETURN COUNT { (:Category {catalog: $catalog}) } AS Category,
       COUNT { (:Tool {catalog: $catalog}) } AS Tool,
       COUNT { (:Endpoint {catalog: $catalog}) } AS Endpoint,
       COUNT { (:Parameter {catalog: $catalog}) } AS Parameter,
       COUNT { (:ResponseField {catalog: $catalog}) } AS ResponseField
