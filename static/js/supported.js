// Marks the page as able to run GOV.UK Frontend's JavaScript before anything is drawn
// (an external file so the Content-Security-Policy can forbid inline scripts).
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
