import { initAll } from "../build/govuk-frontend.min.js";
import { initSearchSuggest } from "./search-suggest.mjs";

initAll();
initSearchSuggest();
