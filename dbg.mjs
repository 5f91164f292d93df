import { chromium } from "playwright";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const pg = await b.newPage(); await pg.goto("http://127.0.0.1:3411/"); await pg.waitForTimeout(1500); await pg.getByTestId("controls.identity.model.server").click(); await pg.waitForTimeout(1000); const S = new URL(pg.url()).searchParams.get("s"); await pg.close();
console.log("S", S);
const out = {};
for (const model of ["base", "server"]) {
  for (const panels of ["controls", "preview", "code", "controls,preview,code"]) {
    for (const w of [358, 700, 1248]) {
      const p = await b.newPage({ viewport: { width: w, height: 900 } });
      let url = `http://127.0.0.1:3411/embed?panels=${panels}` + (model === "server" ? `&s=${S}` : "");
      await p.goto(url);
      try {
        await p.getByTestId("embed.root").waitFor({ timeout: 10000 });
        await p.waitForTimeout(1500);
        const h = await p.getByTestId("embed.root").evaluate((el) => el.getBoundingClientRect().height);
        out[`${model} ${panels} ${w}`] = Math.round(h);
      } catch (e) { out[`${model} ${panels} ${w}`] = "ERR " + (await p.content()).slice(0, 200); }
      console.log(`${model} ${panels} ${w}`, out[`${model} ${panels} ${w}`]);
      await p.close();
    }
  }
}
await b.close();
