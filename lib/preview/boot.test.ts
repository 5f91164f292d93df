import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "@/lib/config/options";
import type { PreviewDevice, PreviewSession } from "@/lib/preview/messages";
import { newSession } from "@/lib/preview/sessions";
import { bootWidget, composeFirstMessage, submitWelcome } from "./boot";

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: "wt_1",
  ...over,
});
const laptop: PreviewDevice = { deviceId: "laptop", storage: {}, visit: 1, viewport: "desktop" };
const form = { name: "Ada Lovelace", email: "ada@example.com", extras: {} };

/** The device after a visit: the next visit with the storage it left and the backend's sessions. */
function reload(
  device: PreviewDevice,
  storage: Record<string, string>,
  sessions: PreviewSession[],
): PreviewDevice {
  return { ...device, visit: device.visit + 1, storage, sessions };
}

describe("bootWidget", () => {
  it("anonymous: a first visit goes straight to a new chat; a reload reuses the contact and lists its sessions", () => {
    const first = bootWidget(make({}), laptop);
    expect(first.screen).toBe("chat");
    expect(first.owner?.contact.kind).toBe("anonymous");
    expect(Object.keys(first.storage)).toHaveLength(2);

    const session = newSession("s1", first.owner!);
    const second = bootWidget(make({}), reload(laptop, { ...first.storage }, [session]));
    expect(second.owner?.contact.token).toBe(first.owner?.contact.token);
    expect(second.sessions).toEqual([session]);
    expect(second.screen).toBe("sessions");
  });

  it("another device or cleared site data is a new contact that sees nothing", () => {
    const first = bootWidget(make({}), laptop);
    const session = newSession("s1", first.owner!);
    const phone = bootWidget(make({}), { ...laptop, deviceId: "phone", sessions: [session] });
    expect(phone.sessions).toEqual([]);
    const cleared = bootWidget(make({}), reload(laptop, {}, [session]));
    expect(cleared.owner?.contact.token).not.toBe(first.owner?.contact.token);
    expect(cleared.sessions).toEqual([]);
  });

  it("verified: the same token sees its sessions on every device and never touches storage", () => {
    // The host passes the token its backend (the sandbox) issued as `device.contactToken`.
    const config = make({ model: "server" });
    const first = bootWidget(config, { ...laptop, contactToken: "jwt-ada" });
    expect(first.owner?.contact.kind).toBe("verified");
    expect(first.storage).toBe(laptop.storage);
    const session = newSession("s1", first.owner!);
    const phone = bootWidget(config, {
      ...laptop,
      deviceId: "phone",
      contactToken: "jwt-ada",
      sessions: [session],
    });
    expect(phone.sessions).toEqual([session]);
    expect(phone.screen).toBe("sessions");
  });
});

describe("submitWelcome", () => {
  it("a name under two characters does nothing", () => {
    const config = make({ model: "collect" });
    expect(bootWidget(config, laptop).screen).toBe("welcome");
    expect(submitWelcome(config, laptop, { ...form, name: "A" }, []).accepted).toBe(false);
  });

  it("collect (row B): after a submit, a reload skips the form and lists the sessions", () => {
    const config = make({ model: "collect" });
    const submitted = submitWelcome(config, laptop, form, []);
    if (!submitted.accepted) throw new Error("refused");
    expect(submitted.screen).toBe("chat");
    const session = newSession("s1", submitted.owner);
    const next = bootWidget(config, reload(laptop, { ...submitted.storage }, [session]));
    expect(next.screen).toBe("sessions");
    expect(next.sessions).toEqual([session]);
  });

  it("extra fields (row C): the form comes back every load; resubmitting on the same device finds the history", () => {
    const config = make({ model: "collect", extraFields: ["Company"] });
    const first = submitWelcome(config, laptop, { ...form, extras: { Company: "Acme" } }, []);
    if (!first.accepted) throw new Error("refused");
    expect(first.extraCollectedData).toEqual({ Company: "Acme" });
    expect(composeFirstMessage(first.extraCollectedData, "Hi")).toBe("Company: Acme \n\nHi");

    const session = newSession("s1", first.owner);
    const again = reload(laptop, { ...first.storage }, [session]);
    expect(bootWidget(config, again).screen).toBe("welcome");
    const second = submitWelcome(config, again, form, again.sessions!);
    if (!second.accepted) throw new Error("refused");
    expect(second.sessions).toEqual([session]);
    expect(second.screen).toBe("sessions");

    // The same email typed on another device: a different device id, so none of it.
    const phone = { ...laptop, deviceId: "phone" };
    const elsewhere = submitWelcome(config, phone, form, [session]);
    expect(elsewhere.accepted && elsewhere.sessions).toEqual([]);
  });
});
