// Read GIFT text on standard input with gift-pegjs and print the parsed questions as JSON.
"use strict";
const gift = require("gift-pegjs");

let text = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { text += chunk; });
process.stdin.on("end", () => {
  process.stdout.write(JSON.stringify(gift.parse(text)));
});
