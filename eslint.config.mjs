// The JavaScript lint (make lint-js): ESLint's recommended rules over the scripts the package ships to browsers
// and the Node scripts the tests run. Browser files the package only copies (hooks/catalogue/vendor/) are not ours.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["hooks/catalogue/vendor/**", "node_modules/**", "site/**", ".venv/**", "build/**", "dist/**"] },
  js.configs.recommended,
  {
    files: ["hooks/catalogue/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: { ...globals.browser } },
  },
  {
    files: ["hooks/catalogue/site/offline_worker.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ["tests/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
];
