// Starts Swagger UI on /docs. A file rather than an inline script, so the Content-Security-Policy
// allows scripts from this server only (no 'unsafe-inline'); see app/core/docs.py.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
});
