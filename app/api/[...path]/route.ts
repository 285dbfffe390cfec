import { AppError, errorResponse } from "@/lib/errors";

/** Unknown API paths answer in the API's JSON error shape rather than with the HTML 404 page. */
function unknownRoute(): Response {
  return errorResponse(new AppError("not_found", "No such API route"));
}

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as PATCH, unknownRoute as PUT, unknownRoute as DELETE };
