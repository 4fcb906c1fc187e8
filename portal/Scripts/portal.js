// Marks the page as able to run GOV.UK Frontend's JavaScript, then starts its components
// (error summary focus, character counts, the header menu). Pages work without it.
import { initAll } from "/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
