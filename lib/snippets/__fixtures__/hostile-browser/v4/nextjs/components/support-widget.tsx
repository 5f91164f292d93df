'use client';

// OpenCX widget v4 (pinned to 4.0.63): npm install --save-exact @opencx/widget-react@4.0.63
// Render <SupportWidget /> once, inside <body> in app/layout.tsx.
import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import type { Widget as OpenCxWidget } from '@opencx/widget-react';

// The widget reads window and localStorage: load it in the browser only.
const Widget = dynamic(() => import('@opencx/widget-react').then((mod) => mod.Widget), {
  ssr: false,
});

type WidgetOptions = ComponentProps<typeof OpenCxWidget>['options'];

const options: WidgetOptions = {
  token: 'wt_\'quoted\'\\token',
  user: {
    data: {
      name: 'Jane <\/script>\x3C!-- \'O"Brien\' --\x3E',
      email: 'jane+`${x}`@example.com',
      avatarUrl: 'https://example.com/a.png?x=<\/SCRIPT>&y=\\u2028',
      customData: {
        '42': 'integer keys come first',
        '<\/script>': '<script>alert(1)<\/script>',
        'line\u2028sep': 'para\u2029graph',
        'emoji 👩🏽‍💻': '😀 é 中文 ؟',
        'back\\slash': 'C:\\Users\\jane\\\'',
        ctrl: 'nul\x00 tab\t cr\r\n bom\uFEFF del\x7F',
        ['__proto__']: 'not a prototype',
      },
    },
    externalId: '${x}`$(rm -rf /)`',
  },
};

export function SupportWidget() {
  return <Widget options={options} />;
}
