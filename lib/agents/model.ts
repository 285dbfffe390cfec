import "server-only";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatAnthropic } from "@langchain/anthropic";
import { ChatOpenAI } from "@langchain/openai";
import { env } from "@/lib/env";
import { OfflineAssistant } from "./offline-model";

export type ModelInfo = { label: string; isOffline: boolean };

/**
 * The chat model from the environment: an OpenAI-compatible API (OpenAI, Ollama, vLLM, OpenRouter...) when
 * OPENAI_API_KEY is set, Anthropic when ANTHROPIC_API_KEY is, else the offline assistant.
 */
export function chatModel(): { model: BaseChatModel; info: ModelInfo } {
  if (env.OPENAI_API_KEY) {
    const name = env.OPENAI_MODEL;
    return {
      model: new ChatOpenAI({ model: name, apiKey: env.OPENAI_API_KEY, configuration: { baseURL: env.OPENAI_BASE_URL }, streaming: true }),
      info: { label: `${name} (OpenAI-compatible)`, isOffline: false },
    };
  }
  if (env.ANTHROPIC_API_KEY) {
    return {
      model: new ChatAnthropic({ model: env.ANTHROPIC_MODEL, apiKey: env.ANTHROPIC_API_KEY, streaming: true }),
      info: { label: `${env.ANTHROPIC_MODEL} (Anthropic)`, isOffline: false },
    };
  }
  return { model: new OfflineAssistant(), info: { label: "offline assistant", isOffline: true } };
}
