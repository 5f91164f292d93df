// OpenCX widget v4 (pinned to 4.0.63): npm install --save-exact @opencx/widget-react@4.0.63
// Render <SupportWidget /> once, near the root of your app.
// It fetches the token once per mount: when a user signs in or out without a page load,
// remount it (e.g. <SupportWidget key={userId} />) so the widget gets the new identity.
import { useEffect, useState, type ComponentProps } from 'react';
import { Widget } from '@opencx/widget-react';

type WidgetOptions = ComponentProps<typeof Widget>['options'];

export function SupportWidget() {
  const [contactToken, setContactToken] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    // The contact token comes from YOUR backend; the org API key never leaves it.
    fetch('/api/opencx/contact-token', { method: 'POST', credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : null))
      .then((data: { token: string } | null) => {
        if (!cancelled && data) setContactToken(data.token);
      })
      .catch(() => {
        // Network error: the widget stays hidden.
      });
    return () => {
      cancelled = true;
    };
  }, []);

  // Not signed in (401) or still loading: a verified widget needs its token first.
  if (contactToken === null) return null;

  const options: WidgetOptions = {
    token: 'wt_<\/script>',
    user: { token: contactToken },
  };

  // The widget initialises once per mount: a new token (a new identity) needs a new instance.
  return <Widget key={contactToken} options={options} />;
}
