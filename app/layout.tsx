import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Reelboard", template: "%s · Reelboard" },
  description: "Plan and produce AI media on a Kanban board",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: each page's scripts carry that request's CSP nonce (proxy.ts), which a page
  // prerendered at build time could not.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
